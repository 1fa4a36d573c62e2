package io.taskqueue.store.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script from {@code resources/redis/}, run by its SHA1 (EVALSHA). When Redis has lost its
 * script cache (a restart, a failover, SCRIPT FLUSH), the script is loaded again and retried once.
 *
 * <p>A line {@code --- @include "name"} is replaced by {@code resources/redis/includes/name.lua}
 * (as BullMQ includes its shared fragments), so that the fragments every script needs, such as
 * Redis's clock or the lease fence, are written once.
 */
public final class LuaScript {

  private final String name;
  private final String source;
  private volatile String sha;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
  }

  private static final Pattern INCLUDE =
      Pattern.compile("^--- @include \"([a-z_]+)\"$", Pattern.MULTILINE);

  public static LuaScript fromResource(String name) {
    String source = read("/redis/" + name + ".lua");
    Matcher include = INCLUDE.matcher(source);
    StringBuilder expanded = new StringBuilder();
    while (include.find()) {
      String fragment = read("/redis/includes/" + include.group(1) + ".lua");
      include.appendReplacement(expanded, Matcher.quoteReplacement(fragment.strip()));
    }
    include.appendTail(expanded);
    return new LuaScript(name, expanded.toString());
  }

  private static String read(String resource) {
    try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing Redis script " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The script as sent to Redis, fragments included. */
  String source() {
    return source;
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
