-- Headless check: open the file given on the command line, wait for paperlsp's diagnostics, print them, quit.
local buf = vim.api.nvim_get_current_buf()
local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
local out = {}
table.insert(out, "filetype=" .. vim.bo[buf].filetype .. " diagnostics=" .. #vim.diagnostic.get(buf) .. (ok and "" or " (timed out)"))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(out, string.format("%d:%d %s %s: %s", d.lnum + 1, d.col + 1, d.source or "?", d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?", d.message:sub(1, 70)))
end
io.stdout:write(table.concat(out, "\n") .. "\n")
vim.cmd("qa!")
