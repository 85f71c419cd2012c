using BenchmarkAgent.Testing.Evaluation;

namespace BenchmarkAgent.Testing.Tests.Evaluation;

public sealed class EvaluatorRegistrationTests
{
    [Fact]
    public void An_evaluator_type_and_a_factory_are_both_created_once_in_registration_order()
    {
        var registration = EvaluatorRegistration.From([typeof(ResponseFactsEvaluator), typeof(LengthEvaluatorFactory)]);

        Assert.Null(registration.Error);
        Assert.Collection(registration.Evaluators, e => Assert.IsType<ResponseFactsEvaluator>(e), e => Assert.IsType<LengthEvaluator>(e));
    }

    [Theory]
    [InlineData(typeof(string), "must implement IEvaluator")]
    [InlineData(typeof(LengthEvaluator), "public parameterless constructor")]
    [InlineData(typeof(BrokenConstructorEvaluator), "could not be created: InvalidOperationException: no model file")]
    [InlineData(typeof(NamelessEvaluator), "advertises no metric names")]
    [InlineData(typeof(RelevanceClashEvaluator), "returns the metric 'Relevance', which the rubric judge already returns")]
    public void An_unusable_registration_is_BA2017_naming_the_type_and_the_problem(Type type, string problem)
    {
        var registration = EvaluatorRegistration.From([typeof(ResponseFactsEvaluator), type]);

        Assert.Empty(registration.Evaluators);
        Assert.StartsWith("BA2017: ", registration.Error, StringComparison.Ordinal);
        Assert.Contains(type.FullName!, registration.Error, StringComparison.Ordinal);
        Assert.Contains(problem, registration.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_evaluators_returning_the_same_metric_are_BA2017()
    {
        var registration = EvaluatorRegistration.From([typeof(ResponseFactsEvaluator), typeof(ResponseFactsEvaluator)]);

        Assert.StartsWith("BA2017: ", registration.Error, StringComparison.Ordinal);
        Assert.Contains($"which {typeof(ResponseFactsEvaluator).FullName} already returns", registration.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_assembly_attribute_of_the_test_assembly_is_read()
    {
        var attribute = typeof(BenchmarkEvaluatorAttribute).GetConstructor([typeof(Type)])!;
        var assembly = System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(
            new System.Reflection.AssemblyName("Registered.Evaluators"),
            System.Reflection.Emit.AssemblyBuilderAccess.Run,
            [new(attribute, [typeof(ResponseFactsEvaluator)]), new(attribute, [typeof(LengthEvaluatorFactory)])]);

        var registration = EvaluatorRegistration.For(assembly);

        Assert.Null(registration.Error);
        Assert.Equal(["LengthEvaluator", "ResponseFactsEvaluator"], registration.Evaluators.Select(e => e.GetType().Name).Order(StringComparer.Ordinal));
        Assert.Empty(EvaluatorRegistration.For(typeof(Microsoft.Extensions.AI.IChatClient).Assembly).Evaluators);
    }
}
