"""M/M/c in SimPy 2.3 (Debian's python3-simpy), the peer of the engine benchmark in bench/README.md.

Usage: /usr/bin/python3 mmc.py LAMBDA SERVERS MU DURATION SEED
Prints one line: events=N seconds=S cpu_seconds=C departures=D mean_wait=M
An event is one arrival or one departure, as in the C# models. Only the simulation is timed
(time.perf_counter and time.process_time around simulate()), not the interpreter's start.
SimPy 2.3 is the classic API: Process subclasses whose generators yield (hold|request|release, self, ...),
a Resource with FIFO queueing, and an explicit Simulation object.
"""
import random
import sys
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request


class Stats:
    def __init__(self):
        self.arrivals = 0
        self.departures = 0
        self.wait_sum = 0.0


class Customer(Process):
    def run(self, server, mu, stats, rng):
        arrived = self.sim.now()
        yield request, self, server
        stats.wait_sum += self.sim.now() - arrived
        yield hold, self, rng.expovariate(mu)
        yield release, self, server
        stats.departures += 1


class Source(Process):
    def run(self, lam, server, mu, stats, rng):
        while True:
            yield hold, self, rng.expovariate(lam)
            stats.arrivals += 1
            customer = Customer(sim=self.sim)
            self.sim.activate(customer, customer.run(server, mu, stats, rng))


def main():
    lam, servers, mu, duration, seed = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    sim = Simulation()
    sim.initialize()
    server = Resource(capacity=servers, sim=sim)
    stats = Stats()
    source = Source(sim=sim)
    sim.activate(source, source.run(lam, server, mu, stats, rng))
    start, cpu_start = time.perf_counter(), time.process_time()
    sim.simulate(until=duration)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    events = stats.arrivals + stats.departures
    mean_wait = stats.wait_sum / max(stats.departures, 1)
    print("events=%d seconds=%.6f cpu_seconds=%.6f departures=%d mean_wait=%.9g" % (events, seconds, cpu_seconds, stats.departures, mean_wait))


if __name__ == "__main__":
    main()
