-- Whether the lease hash value held ("<lease id>|<priority>|<owner>") is the caller's lease id.
local function leaseIs(held, lease)
  return held and string.sub(held, 1, #lease + 1) == lease .. '|'
end
