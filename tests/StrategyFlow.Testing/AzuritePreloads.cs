namespace StrategyFlow.Testing;

/// <summary>Which of this repository's preloads an Azurite started by <see cref="AzuriteServer"/> runs with.</summary>
[Flags]
public enum AzuritePreloads
{
    /// <summary>Azurite exactly as shipped.</summary>
    None = 0,

    /// <summary>scripts/azurite-queue-fix.cjs: no index rebuild on every queue request.</summary>
    QueueFix = 1,

    /// <summary>scripts/azurite-table-index.cjs: partition queries read their partition through the index.</summary>
    TableIndex = 2,

    /// <summary>Both: what scripts/run.sh, the tests and the bench use unless asked otherwise.</summary>
    All = QueueFix | TableIndex,
}
