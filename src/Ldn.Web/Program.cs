using Ldn.Web.Hosting;

// The web workbench: `dotnet run --project src/Ldn.Web` serves it on SQLite in the user's data folder;
// `--db "Host=…;Database=…"` (or configuration Ldn:Database) keeps accounts and journals in PostgreSQL.
var app = WebApp.Build(args);
await WebApp.PrepareAsync(app).ConfigureAwait(false);
await app.RunAsync().ConfigureAwait(false);
