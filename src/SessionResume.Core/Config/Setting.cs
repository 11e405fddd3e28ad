using System.Text.Json;

namespace SessionResume.Config;

/// <summary>One configurable value: its JSON key, its MSBuild property, what it accepts and where it goes.</summary>
internal abstract class Setting(string key, string property)
{
    public string Key { get; } = key;
    public string Property { get; } = property;

    /// <summary>Completes "must be ...", e.g. "true or false".</summary>
    public abstract string Requirement { get; }

    /// <summary>The value <paramref name="settings"/> holds for this setting, as a message shows it.</summary>
    public abstract string Show(SessionSettings settings);

    /// <summary>False (and <paramref name="settings"/> unchanged) when the value is not acceptable.</summary>
    public abstract bool TryApply(JsonElement value, ref SessionSettings settings);

    /// <inheritdoc cref="TryApply(JsonElement, ref SessionSettings)"/>
    public abstract bool TryApply(string text, ref SessionSettings settings);

    /// <summary>Whether the JSON value is a string that would be right without its quotes ("20" for a number, "true").</summary>
    public abstract bool IsRightButQuoted(JsonElement value);
}

internal sealed class Setting<T>(
    string key,
    string property,
    ValueRule<T> rule,
    Func<SessionSettings, T> get,
    Func<SessionSettings, T, SessionSettings> with) : Setting(key, property)
{
    public override string Requirement => rule.Requirement;

    public override string Show(SessionSettings settings) => rule.Show(get(settings));

    public override bool TryApply(JsonElement value, ref SessionSettings settings)
    {
        if (!rule.FromJson(value, out var converted)) return false;
        settings = with(settings, converted);
        return true;
    }

    public override bool IsRightButQuoted(JsonElement value) =>
        typeof(T) != typeof(string) && value.ValueKind == JsonValueKind.String && rule.FromText(value.GetString()!.Trim(), out _);

    public override bool TryApply(string text, ref SessionSettings settings)
    {
        if (!rule.FromText(text.Trim(), out var converted)) return false;
        settings = with(settings, converted);
        return true;
    }
}
