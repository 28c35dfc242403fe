using Ldn.Core;
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

        if (!File.Exists(path))
        {
            throw new InvalidInputException($"The parameter file '{path}' does not exist.");
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new InvalidInputException($"The parameter file '{path}' is larger than 1 MB; it cannot be a parameter file.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new InvalidInputException($"The parameter file '{path}' is not UTF-8 text.", e);
        }

        return ParameterSetReader.Read(text, path);
    }
}
