-- Neovim as a real Plain Words client (Neovim 0.7 or later, headless): open a markdown file,
-- wait for the server's diagnostics, apply the preferred quick fix for one of them and save.
--   PLAINWORDS_SERVER=dist/server.js PLAINWORDS_FILE=doc.md PLAINWORDS_CODE=utilise \
--     nvim --headless --clean -c "luafile test/lsp/nvim/quickfix.lua"
-- Exits 0 when the fix was applied and written, 1 (with a reason on stderr) otherwise.
local server = os.getenv('PLAINWORDS_SERVER')
local file = os.getenv('PLAINWORDS_FILE')
local code = os.getenv('PLAINWORDS_CODE')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'markdown'

local config = {
  name = 'plainwords',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
}
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(bufnr, client_id)
end
if not client_id then fail('the language server did not start') end

-- The LSP code of a Neovim diagnostic (Neovim 0.7 keeps it in user_data).
local function code_of(d)
  if d.code ~= nil then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local target
local arrived = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == code then
      target = d
      return true
    end
  end
  return false
end, 50)
if not arrived then fail('no diagnostic "' .. code .. '" arrived') end

local line = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
local params = {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = { start = { line = target.lnum, character = 0 }, ['end'] = { line = target.lnum, character = #line } },
  context = { diagnostics = {}, only = { 'quickfix' } },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000)
local chosen
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    local d = action.diagnostics and action.diagnostics[1]
    if action.isPreferred and d and d.code == code and not chosen then chosen = action end
  end
end
if not chosen then fail('no preferred quick fix for "' .. code .. '"') end

local client = vim.lsp.get_client_by_id(client_id)
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
vim.cmd('write')
io.stdout:write('applied: ' .. chosen.title .. '\n')
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
