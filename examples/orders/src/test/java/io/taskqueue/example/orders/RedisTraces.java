package io.taskqueue.example.orders;

import io.taskqueue.launcher.control.TestServices;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Every place in Redis where a job id appears: in a key's name, or as a member of a key. */
final class RedisTraces {

  private RedisTraces() {}

  static List<String> of(String jobId) {
    List<String> found = new ArrayList<>();
    try (Jedis redis = new Jedis(URI.create(TestServices.endpoints().redisUrl()))) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = redis.scan(cursor, new ScanParams().count(1_000));
        for (String key : page.getResult()) {
          if (key.contains(jobId) || holds(redis, key, jobId)) {
            found.add(key);
          }
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
    return found;
  }

  private static boolean holds(Jedis redis, String key, String member) {
    return switch (redis.type(key)) {
      case "list" -> redis.lpos(key, member) != null;
      case "zset" -> redis.zscore(key, member) != null;
      case "set" -> redis.sismember(key, member);
      case "hash" -> redis.hexists(key, member);
      case "string" -> String.valueOf(redis.get(key)).contains(member);
      default -> false;
    };
  }
}
