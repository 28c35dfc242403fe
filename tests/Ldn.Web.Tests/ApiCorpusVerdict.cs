namespace Ldn.Web.Tests;

/// <summary>What the corpus declares a case must get: a refusal (4xx problem), an acceptance (2xx), or either (never 5xx).</summary>
internal enum CorpusVerdict
{
    Refused,
    Accepted,
    Either,
}

/// <summary>
/// The declared verdict of each (route, field, nonsense) case: text with a grammar refuses every nonsense string
/// and every wrong JSON type; the user's own words may keep any string; a number field may take 42 (in range or
/// not) but nothing else; a flag takes only true or false; a missing or null field is refused only where the
/// route needs it; a field that counts only with another, and empty text in an optional field (or query value), may
/// go either way, and so may a valid case of a route that takes only its first (<see cref="CorpusRoute.Once"/>).
/// </summary>
internal static class ApiCorpusVerdict
{
    public static CorpusVerdict Of(CorpusRoute route, CorpusField field, CorpusNonsense nonsense)
    {
        if (route.AlwaysRefused)
        {
            return CorpusVerdict.Refused;
        }

        var verdict = Declared(field, nonsense);
        return route.Once && verdict == CorpusVerdict.Accepted ? CorpusVerdict.Either : verdict;
    }

    private static CorpusVerdict Declared(CorpusField field, CorpusNonsense nonsense)
    {
        if (field.Dependent)
        {
            return CorpusVerdict.Either;
        }

        if (field.Valid?.Contains(nonsense.Name, StringComparer.Ordinal) == true)
        {
            return CorpusVerdict.Accepted;
        }

        var type = field.InQuery && nonsense.Type is not ('-' or '0') ? 's' : nonsense.Type;
        if (type is '-' or '0')
        {
            return field.Required ? CorpusVerdict.Refused : CorpusVerdict.Accepted;
        }

        var isText = field.Kind is CorpusFieldKind.Strict or CorpusFieldKind.Free || field.InQuery;
        if (isText && !field.Required && nonsense.Name is "empty" or "blank")
        {
            return CorpusVerdict.Either;
        }

        var isNumber = field.Kind is CorpusFieldKind.Number or CorpusFieldKind.Integer;
        return field.Kind switch
        {
            _ when isNumber && nonsense.Name == "number for text" => CorpusVerdict.Either,
            CorpusFieldKind.Free when type == 's' => CorpusVerdict.Either,
            CorpusFieldKind.Flag when type == 'b' => CorpusVerdict.Accepted,
            CorpusFieldKind.Map when type == 'o' => CorpusVerdict.Either,
            _ => CorpusVerdict.Refused,
        };
    }
}
