"""Store backends; each module holds one backend and is imported only when opened."""
