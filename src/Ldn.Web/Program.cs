using Ldn.Web.Hosting;

// The web workbench: `dotnet run --project src/Ldn.Web` serves it on SQLite in the user's data folder;
// `--db "Host=…;Database=…"` (or configuration Ldn:Database) keeps accounts and journals in PostgreSQL.
await WebApp.Build(args).RunAsync().ConfigureAwait(false);
