-- wrk script for bench/support/post-load.ts: POSTs each request of a file once, then stops.
-- The file's first line names the headers; each other line is those headers' values and the body,
-- tab-separated. Once every request is sent, connections that are free ask for /healthz (wrk has
-- no way to leave a connection idle) until every request is answered. One thread (-t1): the
-- first request() call of the first thread is wrk's check, not a request sent.

local requests = {}
local padding
local sent = 0
-- Globals, so that done() (in wrk's main script state) can read them from the thread.
answered, failed = 0, 0
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

function init(args)
  local file, path = args[1], args[2]
  local names
  for line in io.lines(file) do
    local fields = split(line)
    if not names then
      names = fields
    elseif line ~= "" then
      local headers = {}
      for i, name in ipairs(names) do headers[name] = fields[i] end
      requests[#requests + 1] = wrk.format("POST", path, headers, fields[#names + 1])
    end
  end
  padding = wrk.format("GET", "/healthz")
end

local verified = false

function request()
  -- wrk calls request() once before the first connection, to check it, and sends nothing of it.
  if not verified then
    verified = true
    return padding
  end
  sent = sent + 1
  if sent <= #requests then return requests[sent] end
  return padding
end

function response(status, headers, body)
  -- 202: a webhook stored; 200: /healthz (a webhook already stored would be one too, and is not expected here).
  if status == 202 then
    answered = answered + 1
  elseif status ~= 200 then
    failed = failed + 1
  end
  if answered + failed == #requests then
    io.stderr:write("all answered\n")
    wrk.thread:stop()
  end
end

function done(summary, latency, _)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local all, bad = 0, 0
  for _, thread in ipairs(threads) do
    all = all + thread:get("answered")
    bad = bad + thread:get("failed")
  end
  io.write(string.format('RESULT {"answered":%d,"failed":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\n',
    all, bad, errors, latency:percentile(50), latency:percentile(99)))
end
