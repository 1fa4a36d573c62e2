package io.taskqueue.queue.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script from {@code resources/redis/}, run by its SHA1 (EVALSHA). When Redis has lost its
 * script cache (a restart, a failover, SCRIPT FLUSH), the script is loaded again and retried once.
 */
public final class LuaScript {

  private final String name;
  private final String source;
  private volatile String sha;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
  }

  public static LuaScript fromResource(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream("/redis/" + name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing Redis script " + name);
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
    if (sha == null) {
      sha = redis.scriptLoad(source);
    }
    try {
      return redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException e) {
      sha = redis.scriptLoad(source);
      return redis.evalsha(sha, keys, args);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
