using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Tests;

public sealed class BenchmarkPromptTests
{
    [Fact]
    public void Messages_are_the_system_instruction_and_the_item_prompt()
    {
        var item = TestItems.Choice('A', "x", "y") with { Prompt = "Pick one:\nA) x\nB) y\nAnswer with the letter." };

        var messages = BenchmarkPrompt.CreateMessages(item);

        Assert.Collection(messages,
            m =>
            {
                Assert.Equal(ChatRole.System, m.Role);
                Assert.Equal("You are being evaluated. Follow the answer-format instruction exactly.", m.Text);
            },
            m =>
            {
                Assert.Equal(ChatRole.User, m.Role);
                Assert.Equal(item.Prompt, m.Text);
            });
    }

    [Fact]
    public void Options_copy_the_template_and_add_the_context()
    {
        var template = new ChatOptions { Temperature = 0, MaxOutputTokens = 64, AdditionalProperties = new() { ["other"] = 1 } };
        var item = TestItems.Number("3");

        var options = BenchmarkPrompt.CreateOptions(item, template);

        Assert.Equal(0, options.Temperature);
        Assert.Equal(64, options.MaxOutputTokens);
        Assert.Equal(1, options.AdditionalProperties!["other"]);
        Assert.True(SubjectItemContext.TryGet(options, out var context));
        Assert.Equal(AnswerType.Number, context!.AnswerType);
        Assert.False(template.AdditionalProperties.ContainsKey(SubjectItemContext.PropertyKey));
    }
}
