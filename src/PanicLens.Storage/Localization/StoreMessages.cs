using PanicLens.Localization;

namespace PanicLens.Storage.Localization;

/// <summary>The store's error sentences (Localization/StoreMessages.resx and its zh-CN satellite).</summary>
public static class StoreMessages
{
    public static ResourceText Text { get; } = new("PanicLens.Storage.Localization.StoreMessages", typeof(StoreMessages).Assembly);

    public static string Get(string key) => Text.Get(key);

    public static string Format(string key, params object?[] args) => Text.Format(key, args);
}
