using SessionResume.Model;

namespace SessionResume.Tests.Model;

/// <summary>What the state reader refuses beyond the serializer's own checks (duplicate keys, lone surrogates, not an object) and the schema versions it reads.</summary>
public class StateTextCheckTests
{
    [Theory]
    [InlineData("""{"todos": [], "todos": ["x"]}""", "the key \"todos\" appears twice in the same object ($, line 1)")]
    [InlineData("""{"errors": {"unresolved": [{}, {"line": 1, "line": 2}]}}""", "($.errors.unresolved[1], line 1)")]
    [InlineData("{\"a\": 1,\n\"\\u0061\": 2}", "the key \"a\" appears twice in the same object ($, line 2)")]
    [InlineData("""{"context": {"mine": {"x": 1, "x": 2}}}""", "($.context.mine, line 1)")]
    [InlineData("""{"todos": ["ok", "\uDC00"]}""", "the text at $.todos[1] has an invalid \\u escape")]
    [InlineData("""{"x\uD800": 1}""", "the key at $ has an invalid \\u escape")]
    [InlineData("true", "the document is a boolean, not a JSON object")]
    [InlineData("  /* nothing yet */  ", "the file holds no JSON")]
    [InlineData("""{"schema_version": 3, "errors": []}""", "schema_version 3 is newer")]
    [InlineData("""{"schema_version": -2}""", "schema_version -2 is not a version")]
    [InlineData("""{"todos": "x"}""", "at $.todos (line 1): the value is not an array of strings.")]
    [InlineData("""{"errors": {"unresolved": [{"line": "x"}]}}""", "at $.errors.unresolved[0].line (line 1): the value is not a whole number (at most 2147483647).")]
    [InlineData("""{"objectives": []}""", "at $.objectives (line 1): the value is not an object.")]
    public void Refused_with_what_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<InvalidStateException>(() => StateJson.Deserialize(json));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("""{"objectives": {"status": "a"}, "progress": {"status": "b"}}""")]
    [InlineData("""{"todos": ["\uD83D\uDE00 a valid pair", "\u00e9"]}""")]
    [InlineData("""{"context": {"schema_version": 99}}""")]
    [InlineData("""{"errors": {"unresolved": [{"line": 1}, {"line": 2}]}}""")]
    public void Accepted(string json) => StateJson.Deserialize(json);

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"schema_version": 0, "todos": ["x"]}""")]
    [InlineData("""{"todos": ["x"], "schema_version": 0}""")]
    public void An_older_or_missing_schema_version_is_read_as_the_current_one(string json) =>
        Assert.Equal(SessionResume.Model.SessionState.CurrentSchemaVersion, StateJson.Deserialize(json).SchemaVersion);
}
