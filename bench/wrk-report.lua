-- wrk script for the benchmark (bench/load.ts): prints one line "WRK_JSON {...}" at the end
-- with the figures the benchmark reads, so it never parses wrk's human-readable output.
--
-- WRK_COOKIES=FILE (optional): one Cookie header value per line; requests rotate over them
-- (several signed-in users). Without it no request() function is defined, so wrk keeps its
-- static request and costs the least per request.

local cookie_file = os.getenv("WRK_COOKIES")
if cookie_file and cookie_file ~= "" then
  local cookies = {}
  for line in io.lines(cookie_file) do
    if line ~= "" then cookies[#cookies + 1] = line end
  end
  local requests = nil
  local i = 0
  request = function()
    if not requests then
      requests = {}
      for k, c in ipairs(cookies) do
        requests[k] = wrk.format(nil, nil, { ["Cookie"] = c })
      end
    end
    i = i % #requests + 1
    return requests[i]
  end
end

done = function(summary, latency, _)
  local e = summary.errors
  -- latency figures are microseconds; duration too
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.2f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9)))
end
