package io.taskqueue.support;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A servlet output stream that keeps what is written, for tests of filters that answer. */
public final class CapturedBody extends ServletOutputStream {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @Override
  public void write(int b) {
    bytes.write(b);
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {}

  public String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  public int size() {
    return bytes.size();
  }
}
