namespace StrategyFlow.Workflow.Pages;

/// <summary>How a field is edited.</summary>
internal enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>An email address.</summary>
    Email,

    /// <summary>A few lines (descriptions, purposes, roles).</summary>
    Area,

    /// <summary>One of a list of choices (<c>&lt;select&gt;</c>).</summary>
    Select,

    /// <summary>Any number of choices (checkboxes), optionally with a comma-separated text input for new names.</summary>
    Choices,

    /// <summary>Set by the form itself (the approved channel a channel-owner row is for): hidden input and visible text.</summary>
    Fixed,
}
