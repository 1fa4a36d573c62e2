package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static final double[] ONE_TO_HUNDRED =
      IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

  @Test
  void nearestRankOfOneToHundredIsThePercentItself() {
    Percentiles p = Percentiles.of(ONE_TO_HUNDRED);
    assertEquals(50, p.at(50));
    assertEquals(99, p.at(99));
    assertEquals(100, p.at(100));
    assertEquals(1, p.at(1));
  }

  @Test
  void nearestRankRoundsTheRankUpAndNeverInterpolates() {
    Percentiles p = Percentiles.of(new double[] {40, 10, 30, 20}); // sorted: 10 20 30 40
    assertEquals(20, p.at(50)); // rank ceil(2.0) = 2
    assertEquals(30, p.at(51)); // rank ceil(2.04) = 3
    assertEquals(40, p.at(99)); // rank ceil(3.96) = 4
  }

  @Test
  void zeroPercentIsTheMinimumAndEveryPercentileOfOneValueIsThatValue() {
    assertEquals(10, Percentiles.of(new double[] {30, 10, 20}).at(0));
    Percentiles single = Percentiles.of(new double[] {7.25});
    assertEquals(7.25, single.at(50));
    assertEquals(7.25, single.at(99));
    assertEquals(7.25, single.max());
  }

  @Test
  void p99OfAThousandValuesIsTheNineHundredNinetiethSmallest() {
    double[] values = IntStream.range(0, 1000).mapToDouble(i -> 999 - i).toArray(); // 999..0
    assertEquals(989, Percentiles.of(values).at(99));
  }

  @Test
  void theCallersArrayIsLeftUnsorted() {
    double[] values = {3, 1, 2};
    Percentiles.of(values);
    assertEquals(3, values[0]);
  }

  @Test
  void medianOfAnOddNumberOfRunsIsTheMiddleOne() {
    assertEquals(812.5, Percentiles.median(List.of(900.0, 812.5, 10.0)));
  }

  @Test
  void medianOfAnEvenNumberOfRunsIsTheMeanOfTheTwoMiddleOnes() {
    assertEquals(15, Percentiles.median(List.of(20.0, 10.0)));
    assertEquals(2.5, Percentiles.median(List.of(4.0, 1.0, 3.0, 2.0)));
  }

  @Test
  void noValuesAndPercentsOutsideZeroToHundredAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.median(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Percentiles.of(ONE_TO_HUNDRED).at(101));
  }
}
