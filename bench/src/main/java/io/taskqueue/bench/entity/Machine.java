package io.taskqueue.bench.entity;

/** Where the numbers were taken; results from different machines do not compare. */
public record Machine(int cpus, String cpuModel, long memoryMb, String java, String os) {}
