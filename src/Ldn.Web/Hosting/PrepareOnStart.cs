using Ldn.Web.Accounts;

namespace Ldn.Web.Hosting;

/// <summary>
/// Creates the data folders and the accounts' tables and roles when the host starts, before requests are
/// served (a hosted service, so it runs in tests' hosts too), and logs where the data is.
/// </summary>
internal sealed partial class PrepareOnStart(IServiceProvider services, WebStorage storage, ILogger<PrepareOnStart> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        storage.Prepare();
        await AccountsDb.PrepareAsync(services).ConfigureAwait(false);
        DataAt(log, storage.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "LDN Workbench data: {Storage}")]
    private static partial void DataAt(ILogger logger, string storage);
}
