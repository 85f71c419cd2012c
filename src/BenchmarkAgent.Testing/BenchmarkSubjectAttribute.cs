namespace BenchmarkAgent.Testing;

/// <summary>
/// Names the <see cref="IBenchmarkSubjectFactory"/> that supplies the model under test, e.g.
/// <c>[assembly: BenchmarkSubject(typeof(MySubject))]</c>. It takes precedence over environment variables.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class BenchmarkSubjectAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="factoryType">A type with a public parameterless constructor implementing <see cref="IBenchmarkSubjectFactory"/>.</param>
    public BenchmarkSubjectAttribute(Type factoryType) => FactoryType = factoryType;

    /// <summary>The factory type.</summary>
    public Type FactoryType { get; }
}
