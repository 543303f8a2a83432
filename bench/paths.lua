-- wrk script: GET each path of a file in turn (one path a line), and print exact percentiles.
--   wrk -s bench/paths.lua <url> -- <paths file> [Accept header]
-- wrk --latency prints 50/75/90/99 only; done() reports p50/p95/p99 from the full histogram.

local paths = {}
local accept = "text/html"
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if args[2] then accept = args[2] end
  assert(#paths > 0, "no paths in " .. args[1])
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept"] = accept })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d " ..
    "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
