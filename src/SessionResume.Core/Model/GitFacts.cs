using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionResume.Model;

/// <summary>
/// Added: the git facts the last update was made against, so that a reader can tell what the code
/// has done since (SessionRestore says it). Absent without git or outside a repository.
/// </summary>
public sealed class GitFacts
{
    /// <summary>HEAD's commit; null in a repository without commits yet.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Commit { get; set; }
    /// <summary>The branch checked out; null when HEAD is detached.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Branch { get; set; }
    /// <summary>
    /// Which worktree of the repository: the session root relative to the main worktree, with '/'
    /// ("." there, "../app-feature" in a linked worktree). Never absolute, so that a state made in CI
    /// reads the same on a laptop.
    /// </summary>
    public string Worktree { get; set; } = "";
    /// <summary>Whether git reported any change under the session root (the package's own files aside).</summary>
    public bool Dirty { get; set; }
    /// <summary>The commit of the session's first update with git: what "since the session started" counts from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? SessionStartCommit { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
