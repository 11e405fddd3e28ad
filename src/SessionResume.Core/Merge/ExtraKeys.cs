using System.Text.Json;

namespace SessionResume.Merge;

/// <summary>Unknown keys a person or an agent added to a state file.</summary>
static class ExtraKeys
{
    /// <summary>Keys only <paramref name="other"/> has are added; a key both have keeps the target's value.</summary>
    public static Dictionary<string, JsonElement>? Unite(Dictionary<string, JsonElement>? target, Dictionary<string, JsonElement>? other)
    {
        if (other is null || other.Count == 0) return target;
        target ??= [];
        foreach (var (key, value) in other) target.TryAdd(key, value);
        return target;
    }
}
