-- What happens to an order after it was placed: its confirmation given up on (heard from taskqueue
-- as a JobDead event), and a refund with its notice (a workflow of two jobs).
ALTER TABLE shop_orders
  ADD COLUMN confirmation_failed_at timestamptz,
  ADD COLUMN refunded_at            timestamptz,
  ADD COLUMN refund_notice_at       timestamptz;
