namespace StrategyFlow.Core.Answers;

/// <summary>The stable codes of <see cref="FieldError.Code"/>: forms and API clients may switch on them.</summary>
public static class ValidationCodes
{
    /// <summary>A required field or list entry is empty.</summary>
    public const string Required = "required";

    /// <summary>Text longer than its <see cref="Limits"/>.</summary>
    public const string TooLong = "tooLong";

    /// <summary>More list entries or references than <see cref="Limits"/> allows.</summary>
    public const string TooMany = "tooMany";

    /// <summary>Control characters (other than line breaks and tabs) or broken Unicode.</summary>
    public const string InvalidCharacters = "invalidCharacters";

    /// <summary>The same title or name (compared by <see cref="TextKey"/>) twice in one list.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A goal names a business goal the strategy does not have.</summary>
    public const string UnknownBusinessGoal = "unknownBusinessGoal";

    /// <summary>A channel names an audience that the same answer does not define.</summary>
    public const string UnknownAudience = "unknownAudience";

    /// <summary>An activity names a goal that stage 1 did not approve.</summary>
    public const string UnknownGoal = "unknownGoal";

    /// <summary>An activity or a channel owner names a channel that stage 2 did not approve.</summary>
    public const string UnknownChannel = "unknownChannel";

    /// <summary>An activity owner names an activity that stage 3 did not approve.</summary>
    public const string UnknownActivity = "unknownActivity";

    /// <summary>Not a bare email address.</summary>
    public const string InvalidEmail = "invalidEmail";

    /// <summary>A list that belongs to another stage is filled.</summary>
    public const string NotThisStage = "notThisStage";

    /// <summary>The number of free-text responses differs from the number of the stage's questions.</summary>
    public const string WrongCount = "wrongCount";

    /// <summary>A value outside its fixed set (an audience priority).</summary>
    public const string InvalidValue = "invalidValue";

    /// <summary>The answer names no known stage.</summary>
    public const string UnknownStage = "unknownStage";
}
