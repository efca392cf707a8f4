using System.Globalization;

namespace PanicLens.Mining;

/// <summary>`--name value` options and positional arguments of one verb.</summary>
public sealed class Arguments
{
    /// <summary>The options that take no value.</summary>
    private static readonly HashSet<string> Flags = ["--syzbot"];

    private readonly Dictionary<string, string> options = [];
    private readonly HashSet<string> flags = [];

    public List<string> Positional { get; } = [];

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(args[i]);
                continue;
            }
            if (Flags.Contains(args[i]))
            {
                parsed.flags.Add(args[i]);
                continue;
            }
            if (i + 1 >= args.Length)
                throw new UsageException($"{args[i]} needs a value");
            parsed.options[args[i]] = args[++i];
        }
        return parsed;
    }

    public string Required(string name) =>
        options.TryGetValue(name, out var value) ? value : throw new UsageException($"{name} is required");

    public string? Optional(string name) => options.GetValueOrDefault(name);

    public bool Flag(string name) => flags.Contains(name);

    public int Int(string name, int fallback)
    {
        if (!options.TryGetValue(name, out var value))
            return fallback;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{name} wants a positive number, not '{value}'");
    }
}
