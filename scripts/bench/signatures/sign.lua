-- wrk script for the signatures bench (scripts/bench/signatures.ts): every request signs with its
-- own email, "<tag>-<thread>-<n>@example.org", from one of BENCH_ADDRESSES client addresses
-- (10.<block>.x.y, sent as X-Forwarded-For; the server runs with TRUST_PROXY=1).
-- BENCH_REPLAY="<n1>,<n2>,…" (requests per thread of an earlier run with the same tag) makes
-- thread t send that run's emails again, in turn, instead of new ones.
-- Settings come from the environment: BENCH_TAG, BENCH_BLOCK, BENCH_ADDRESSES, BENCH_THREADS, BENCH_PATH,
-- BENCH_ORIGIN, BENCH_STAMP, BENCH_REPLAY. done() prints one line "BENCH_RESULT {json}".

local threads = {}
local started = 0

function setup(thread)
  started = started + 1
  thread:set("tid", started)
  table.insert(threads, thread)
end

function init(args)
  tag = os.getenv("BENCH_TAG") or "bench"
  block = tonumber(os.getenv("BENCH_BLOCK") or "0")
  addresses = tonumber(os.getenv("BENCH_ADDRESSES") or "65000")
  path = os.getenv("BENCH_PATH") or "/"
  stamp = os.getenv("BENCH_STAMP") or ""
  -- Each thread runs this script in a Lua state of its own: the count of threads comes from wrk's arguments.
  nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local replay = os.getenv("BENCH_REPLAY")
  primed = 0
  if replay and replay ~= "" then
    local i = 0
    for count in string.gmatch(replay, "%d+") do
      i = i + 1
      if i == tid then primed = tonumber(count) end
    end
  end
  headers = { ["Content-Type"] = "application/json" }
  local origin = os.getenv("BENCH_ORIGIN")
  if origin and origin ~= "" then headers["Origin"] = origin end
  n = 0
end

function request()
  n = n + 1
  local k = n
  if primed > 0 then k = (n - 1) % primed + 1 end
  -- Addresses go round all threads in turn, so no address repeats before BENCH_ADDRESSES requests.
  local a = ((n - 1) * nthreads + (tid - 1)) % addresses
  headers["X-Forwarded-For"] = "10." .. block .. "." .. math.floor(a / 256) .. "." .. (a % 256)
  local body = '{"name":"Bench ' .. k .. '","email":"' .. tag .. "-" .. tid .. "-" .. k ..
    '@example.org","postcode":"M1 1AE","startedAt":"' .. stamp .. '"}'
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local sent = {}
  for i, t in ipairs(threads) do sent[i] = tostring(t:get("n") or 0) end
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"sent":[%s]}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, table.concat(sent, ",")))
end
