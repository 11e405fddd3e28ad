using System.Text;
using System.Text.Json;

namespace SessionResume.Store;

/// <summary>
/// One value of the state file read without taking the lock or building the model: what a writer
/// needs to know before it locks (the session's start commit, to ask git for the session's diff
/// while other writers are not kept waiting). A wrong guess costs nothing: the write path checks it.
/// </summary>
public static class StatePeek
{
    /// <summary><c>git.session_start_commit</c>, or null when there is none or the file cannot be read.</summary>
    public static string? SessionStartCommit(string stateFile)
    {
        try
        {
            if (!File.Exists(stateFile) || new FileInfo(stateFile).Length > StateStore.MaxFileBytes) return null;
            var reader = new Utf8JsonReader(File.ReadAllBytes(stateFile), new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var inGit = false;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName) continue;
                if (reader.CurrentDepth == 1) inGit = reader.ValueTextEquals("git"u8);
                else if (inGit && reader.CurrentDepth == 2 && reader.ValueTextEquals("session_start_commit"u8))
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or DecoderFallbackException)
        {
        }
        return null;
    }
}
