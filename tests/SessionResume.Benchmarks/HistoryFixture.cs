using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SessionResume.Benchmarks;

/// <summary>Writes archived sessions as the package keeps them: the newest three as .json, the rest as .json.gz.</summary>
public static class HistoryFixture
{
    public static void Write(string root, int sessions, int errorsPerSession)
    {
        var history = Directory.CreateDirectory(Path.Combine(root, ".session-history")).FullName;
        for (var s = 1; s <= sessions; s++)
        {
            var id = $"sess_20261101_{s:000}";
            var json = Archive(id, s, errorsPerSession);
            if (s > sessions - 3)
            {
                File.WriteAllText(Path.Combine(history, id + ".json"), json);
                continue;
            }
            using var file = File.Create(Path.Combine(history, id + ".json.gz"));
            using var gzip = new GZipStream(file, CompressionLevel.Optimal);
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
    }

    static string Archive(string id, int session, int errors)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $$"""{ "schema_version": 1, "session_id": "{{id}}", "timestamp": "2026-11-01T10:00:00Z", "errors": { "unresolved": [], "resolved": [""");
        for (var e = 0; e < errors; e++)
        {
            if (e > 0) b.Append(',');
            b.Append(CultureInfo.InvariantCulture, $$"""{ "file": "src/F{{e}}.cs", "error": "Problem {{e}} of session {{session}}: the name 'x{{e}}' does not exist", "resolution": "Declared x{{e}}", "code": "CS0103", "fingerprint": "{{session:x4}}{{e:x12}}", "line": {{e + 1}} }""");
        }
        b.Append("] } }");
        return b.ToString();
    }
}
