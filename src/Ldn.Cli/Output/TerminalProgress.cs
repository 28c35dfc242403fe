namespace Ldn.Cli.Output;

/// <summary>
/// A one-line "label: done/total" counter on stderr, redrawn in place, only when stderr is the process's own error
/// stream and a terminal (never in a pipe, a file or a test's captured writer, so no output document changes).
/// Thread-safe: parallel workers report from any thread. <see cref="Dispose"/> clears the line.
/// </summary>
internal sealed class TerminalProgress : IDisposable
{
    private readonly TextWriter? _terminal;
    private readonly string _label;
    private readonly Lock _gate = new();
    private int _width;
    private int _shownPermille = -1;

    public TerminalProgress(TextWriter stderr, string label)
    {
        _label = label;
        _terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null;
    }

    public void Report(int done, int total)
    {
        if (_terminal is null)
        {
            return;
        }

        lock (_gate)
        {
            // Redraw at most 1,000 times per run: a trial reports every one of its thousands of subjects.
            var permille = total > 0 ? (int)(1000L * done / total) : 1000;
            if (permille == _shownPermille)
            {
                return;
            }

            _shownPermille = permille;
            var line = $"{_label}: {done}/{total}";
            _width = Math.Max(_width, line.Length);
            _terminal.Write("\r" + line.PadRight(_width));
            _terminal.Flush();
        }
    }

    public void Dispose()
    {
        if (_terminal is not null && _width > 0)
        {
            lock (_gate)
            {
                _terminal.Write("\r" + new string(' ', _width) + "\r");
                _terminal.Flush();
            }
        }
    }
}
