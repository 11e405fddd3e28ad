using System.Text;
using System.Text.Json;
using SessionResume.Common;

namespace SessionResume.Config;

/// <summary>
/// Reads <c>.session-resume.json</c>. Hand-written, so it is forgiving where that is safe (comments,
/// trailing commas, a byte order mark, UTF-16 from Windows PowerShell, an empty file) and says exactly
/// what is wrong where it is not; a bad value never stops the build, its key keeps its default.
/// </summary>
internal static class SettingsFile
{
    static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    const int LongestValueShown = 40;

    /// <summary>Applies the file's values to <paramref name="settings"/>; <paramref name="keysSet"/> collects the keys it set.</summary>
    public static SessionSettings Apply(string path, SessionSettings settings, List<Problem> problems, ISet<string> keysSet)
    {
        var name = SettingsLoader.FileName;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.ConfigUnreadable(name, e, path));
            return settings;
        }

        var json = AsUtf8(bytes);
        // A file someone created to fill in later configures nothing; that is not worth a warning in every build.
        if (IsBlank(json.Span)) return settings;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = (int)(e.BytePositionInLine ?? -1) + 1;
            problems.Add(Problems.ConfigNotJson(name, e, path, line, column));
            return settings;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(Problems.ConfigNotObject(name, $"{{ \"{SettingTable.MaxHistory.Key}\": 20 }}", Article(root.ValueKind), path));
                return settings;
            }
            var keysSeen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
                settings = ApplyOne(property, settings, problems, keysSeen, keysSet, path);
        }
        return settings;
    }

    static SessionSettings ApplyOne(JsonProperty property, SessionSettings settings, List<Problem> problems, HashSet<string> keysSeen,
        ISet<string> keysSet, string path)
    {
        var name = SettingsLoader.FileName;
        var setting = SettingTable.ByKey(property.Name);
        if (setting is null)
        {
            problems.Add(Problems.ConfigUnknownKey(SettingsLoader.FileName, property.Name, KeySuggestion.For(property.Name),
                SettingTable.All.Select(s => s.Key), path));
            return settings;
        }
        if (!keysSeen.Add(setting.Key))
            problems.Add(Problems.ConfigKeyRepeated(name, setting.Key, path));

        if (setting.TryApply(property.Value, ref settings))
        {
            keysSet.Add(setting.Key);
            return settings;
        }

        var hint = setting.IsRightButQuoted(property.Value) ? " Write the value without quotes." : "";
        problems.Add(Problems.ConfigBadValue(name, setting.Key, setting.Requirement, Shown(property.Value), setting.Show(settings),
            hint, path));
        return settings;
    }


    /// <summary>The value as it is written in the file, shortened if long (an object pasted by mistake).</summary>
    static string Shown(JsonElement value)
    {
        var raw = value.GetRawText().ReplaceLineEndings(" ");
        return raw.Length <= LongestValueShown ? raw : raw[..LongestValueShown] + "…";
    }

    static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),   // true / false
    };

    /// <summary>UTF-8 without its byte order mark; UTF-16 (what Windows PowerShell 5 writes with '>') converted.</summary>
    static ReadOnlyMemory<byte> AsUtf8(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return bytes.AsMemory(3);
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2));
        return bytes;
    }

    static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }
}
