/**
 * Harnesses of the Spring Boot starter against an in-process emulator: dispatch rate beside a bare Paho client, the
 * starter's share of an echo's latency, and the startup it adds. Run by hand, never by the build.
 */
@NullMarked
package dev.fbchat.benchmarks.starter;

import org.jspecify.annotations.NullMarked;
