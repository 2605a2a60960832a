-- PaperLsp for Neovim 0.7 (tested with Debian's 0.7.2).
-- Filetype detection that works in every version (vim.filetype.add needs 0.8+, or do_filetype_lua in 0.7).
vim.cmd([[autocmd BufRead,BufNewFile *.papers setfiletype papers]])

local paperlsp_cmd = { "dotnet", os.getenv("PAPERLSP_DLL") or "/opt/paperlsp/paperlsp.dll", "--stdio" }
local client_id = nil

vim.api.nvim_create_autocmd("FileType", {
  pattern = "papers",
  callback = function(args)
    if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
      client_id = vim.lsp.start_client({
        name = "paperlsp",
        cmd = paperlsp_cmd,
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ":p:h"),
        init_options = { logLevel = "information" },
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
    -- Workspace features: K shows the hover card, gr the references of an author (in every list of the folder),
    -- <C-x><C-o> completes authors, categories, months and affiliations, <leader>rn renames an author everywhere.
    vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
    local opts = { buffer = args.buf }
    vim.keymap.set("n", "K", vim.lsp.buf.hover, opts)
    vim.keymap.set("n", "gr", vim.lsp.buf.references, opts)
    vim.keymap.set("n", "<leader>rn", vim.lsp.buf.rename, opts)
    vim.keymap.set("n", "<leader>ca", vim.lsp.buf.code_action, opts)
  end,
})
