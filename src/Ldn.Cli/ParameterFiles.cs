using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Cli;

/// <summary>Chooses the model parameters: the built-in default or a user's file (<c>--params</c>).</summary>
internal static class ParameterFiles
{
    /// <summary>Files larger than this are not parameter files; refuse rather than parse megabytes.</summary>
    private const long MaxBytes = 1 << 20;

    public static ModelParameters Load(string? path)
    {
        if (path is null)
        {
            return ParameterSets.Default;
        }

        return ParameterSetReader.Read(TextFiles.ReadUtf8(path, "parameter file", MaxBytes), path);
    }
}
