using SessionResume.Config;

namespace SessionResume.Tests.Config;

public class KeySuggestionTests
{
    [Theory]
    [InlineData("max_history", "max_history", 0)]
    [InlineData("max_histroy", "max_history", 1)]   // two neighbours swapped is one typo
    [InlineData("max_histry", "max_history", 1)]
    [InlineData("max_hixtory", "max_history", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_typos(string a, string b, int expected) =>
        Assert.Equal(expected, KeySuggestion.EditDistance(a, b));

    [Theory]
    [InlineData("foo")]
    [InlineData("history")]
    [InlineData("archive")]
    public void Words_that_are_not_near_a_key_get_no_suggestion(string key) => Assert.Null(KeySuggestion.For(key));

    [Fact]
    public void A_very_long_key_is_not_compared_letter_by_letter() => Assert.Null(KeySuggestion.For(new string('m', 10_000)));
}
