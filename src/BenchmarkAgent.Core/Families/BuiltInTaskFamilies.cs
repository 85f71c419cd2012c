using System.Collections.Immutable;

namespace BenchmarkAgent.Families;

/// <summary>The task families that ship with the SDK, in a fixed order.</summary>
internal static class BuiltInTaskFamilies
{
    /// <summary>Every built-in family, created once; the array is immutable and the families are stateless.</summary>
    public static IReadOnlyList<ITaskFamily> All { get; } = ImmutableArray.Create<ITaskFamily>(
        new MultiStepArithmeticFamily(),
        new PercentageChangeFamily(),
        new RatioSharingFamily(),
        new UnitConversionFamily(),
        new DaysBetweenDatesFamily(),
        new WeekdayAfterDaysFamily(),
        new ClockArithmeticFamily(),
        new ComparisonOrderingFamily(),
        new KnightsAndKnavesFamily(),
        new StringTransformFamily(),
        new ListOperationsFamily(),
        new NumberSequenceFamily(),
        new NeedleRetrievalFamily(),
        new ProgramOutputFamily(),
        new SyllogismFamily(),
        new TableAggregationFamily(),
        new JsonExtractionFamily(),
        new ReadingComprehensionFamily(),
        new InstructionFollowingFamily(),
        new AgePuzzleFamily(),
        new TimeZoneConversionFamily(),
        new SetOperationsFamily(),
        new AnagramCheckFamily(),
        new BaseConversionFamily(),
        new BooleanExpressionFamily(),
        new SpatialGridFamily(),
        new FamilyRelationsFamily(),
        new SortingStepFamily(),
        new GcdLcmFamily(),
        new CoinChangeFamily(),
        new GridPathsFamily(),
        new ShortestPathFamily(),
        new TaskOrderingFamily(),
        new StackQueueFamily(),
        new CaesarCipherFamily(),
        new RunLengthFamily(),
        new CompoundInterestFamily(),
        new SpeedDistanceTimeFamily(),
        new BestBuyFamily(),
        new QuantifierLogicFamily(),
        new WildcardMatchFamily(),
        new MeetingSchedulingFamily(),
        new VerifiableConstraintsFamily());

    /// <summary>Finds a built-in family by its card id (ordinal, case-sensitive); null when none matches.</summary>
    public static ITaskFamily? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Card.Id, id, StringComparison.Ordinal));
}
