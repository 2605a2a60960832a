-- Headless check of the workspace features: open a list (given on the command line) of a folder of lists, then ask
-- through Neovim's own LSP client for a hover, the references of an author and a completion; print them, quit.
local buf = vim.api.nvim_get_current_buf()
local out = {}
local function client()
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do return c end
end
vim.wait(20000, function() return client() ~= nil and client().initialized end, 100)

local function find(pattern)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = line:find(pattern, 1, true)
    -- str_utfindex returns UTF-32 and UTF-16 indexes; LSP counts UTF-16 (the line has astral letters before the name).
    if s then
      local _, utf16 = vim.str_utfindex(line, s - 1)
      return { line = i - 1, character = utf16 + 1 }
    end
  end
end

local function request(method, position, extra)
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = position }
  for k, v in pairs(extra or {}) do params[k] = v end
  local responses = vim.lsp.buf_request_sync(buf, method, params, 5000) or {}
  for _, r in pairs(responses) do if r.result then return r.result end end
end

-- The other lists are read in the background: wait until the author's references reach one of them.
-- (Not from a vim.wait condition: responses are not processed inside one.)
local refs = {}
for _ = 1, 100 do
  refs = request("textDocument/references", find("Łukasz Kaiser"), { context = { includeDeclaration = true } }) or {}
  if #refs >= 2 then break end
  vim.wait(200)
end
local names = {}
for _, r in ipairs(refs) do names[vim.fn.fnamemodify(vim.uri_to_fname(r.uri), ":t")] = true end
local list = {}
for n in pairs(names) do table.insert(list, n) end
table.sort(list)
table.insert(out, "references: " .. #refs .. " " .. table.concat(list, ","))

local hover = request("textDocument/hover", find("Few-Shot Clinical"))
local text = hover and (hover.contents.value or hover.contents) or ""
table.insert(out, "hover: " .. (text:match("[^\n]+") or "(none)"))
table.insert(out, "hover abstract: " .. tostring(text:find("long%-running goal") ~= nil or text:find("long\\%-running goal") ~= nil))

local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last, last, false, { "A New Paper On ReasoningEkin Akyürek, Y", "Abstract." })
vim.wait(500)
local line = vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[1]
local _, width = vim.str_utfindex(line)
local completion = request("textDocument/completion", { line = last, character = width })
local items = completion and (completion.items or completion) or {}
table.insert(out, "completion: " .. (items[1] and items[1].label or "(none)"))

io.stdout:write(table.concat(out, "\n") .. "\n")
vim.cmd("qa!")
