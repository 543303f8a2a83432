-- wrk script: POST each JSON body of a file in turn (one a line) to /api/v1/orders, each with an
-- idempotency key of its own, count the answers by status and print exact percentiles.
--   wrk -s bench/orders.lua <url> -- <bodies file> <key prefix>
-- Each body holds the placeholder KEY, replaced by <prefix><thread><counter>.

local bodies, prefix, i = {}, "bench", 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then bodies[#bodies + 1] = line end
  end
  if args[2] then prefix = args[2] end
  assert(#bodies > 0, "no bodies in " .. args[1])
end

function request()
  i = i + 1
  local key = string.format("%s%02d%010d", prefix, id, i)
  local body = bodies[(i - 1) % #bodies + 1]:gsub("KEY", key)
  return wrk.format("POST", "/api/v1/orders",
                    { ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
                    body)
end

-- Answers counted by status, as globals each thread's done() can read back.
s201, s409, s422, s429, s5xx, sother = 0, 0, 0, 0, 0, 0

function response(status, headers, body)
  if status == 201 then s201 = s201 + 1
  elseif status == 409 then s409 = s409 + 1
  elseif status == 422 then s422 = s422 + 1
  elseif status == 429 then s429 = s429 + 1
  elseif status >= 500 then s5xx = s5xx + 1
  else sother = sother + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  local parts = {}
  for _, name in ipairs({ "s201", "s409", "s422", "s429", "s5xx", "sother" }) do
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get(name) end
    parts[#parts + 1] = name .. "=" .. total
  end
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d " ..
    "connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
  io.write("STATUSES " .. table.concat(parts, " ") .. "\n")
end
