using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace SessionResume.Config;

internal delegate bool TryConvert<TInput, TValue>(TInput input, [MaybeNullWhen(false)] out TValue value);

/// <summary>
/// What one kind of setting accepts, from JSON and from an MSBuild property's text, and how a value is
/// shown in a message. JSON is strict about types (true, not "true"), as System.Text.Json is; MSBuild
/// properties are always text, so there the text is parsed.
/// </summary>
internal sealed record ValueRule<T>(
    string Requirement,
    TryConvert<JsonElement, T> FromJson,
    TryConvert<string, T> FromText,
    Func<T, string> Show);

internal static class ValueRules
{
    public static ValueRule<bool> Flag { get; } = new(
        "true or false",
        (JsonElement json, out bool value) =>
        {
            value = json.ValueKind == JsonValueKind.True;
            return json.ValueKind is JsonValueKind.True or JsonValueKind.False;
        },
        (string text, out bool value) => bool.TryParse(text, out value),   // case-insensitive, as MSBuild writes it
        value => value ? "true" : "false");

    /// <summary>
    /// A whole number of at least 1 (history size, idle minutes): 0 would mean "keep nothing" or "never
    /// idle", which nobody means.
    /// </summary>
    public static ValueRule<int> Count { get; } = new(
        "a whole number of at least 1",
        (JsonElement json, out int value) =>
        {
            value = 0;
            return json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out value) && value >= 1;
        },
        (string text, out int value) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= 1,
        value => value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A file or folder, relative to the session root or absolute. Surrounding blanks are dropped: they
    /// are always accidents.
    /// </summary>
    public static ValueRule<string> Location { get; } = new(
        "a non-empty path",
        (JsonElement json, [MaybeNullWhen(false)] out string value) =>
        {
            value = json.ValueKind == JsonValueKind.String ? json.GetString()!.Trim() : null;
            return IsUsablePath(value);
        },
        (string text, [MaybeNullWhen(false)] out string value) =>
        {
            value = text.Trim();
            return IsUsablePath(value);
        },
        value => $"\"{value}\"");

    // Characters the OS cannot take in a path would make every later Path call throw.
    static bool IsUsablePath([NotNullWhen(true)] string? path) =>
        !string.IsNullOrEmpty(path) && path.IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
