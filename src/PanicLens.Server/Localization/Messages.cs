using PanicLens.Localization;

namespace PanicLens.Server.Localization;

/// <summary>`serve`'s own sentences for the console: start-up line and configuration errors (Localization/Messages.resx and its zh-CN satellite).</summary>
public static class Messages
{
    public static ResourceText Text { get; } = new("PanicLens.Server.Localization.Messages", typeof(Messages).Assembly);

    public static string Get(string key) => Text.Get(key);

    public static string Format(string key, params object?[] args) => Text.Format(key, args);
}
