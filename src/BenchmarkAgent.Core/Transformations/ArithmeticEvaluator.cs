using System.Globalization;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// A safe recursive-descent evaluator of arithmetic expressions: decimal numbers, + - * /, unary minus
/// and parentheses. Nothing else is accepted; nothing is ever compiled or executed.
/// </summary>
internal static class ArithmeticEvaluator
{
    private const int MaxLength = 1000;
    private const int MaxDepth = 64;

    /// <summary>Evaluates <paramref name="expression"/>; false (with a reason) on garbage, division by zero or overflow.</summary>
    public static bool TryEvaluate(string expression, out decimal value, out string error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        value = 0;
        if (expression.Length > MaxLength)
        {
            error = "expression too long";
            return false;
        }

        var parser = new Parser(expression);
        try
        {
            value = parser.ParseExpression(0);
            parser.SkipSpaces();
            if (!parser.AtEnd)
            {
                error = $"unexpected '{parser.Current}' at {parser.Position}";
                return false;
            }

            error = string.Empty;
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
        }
        catch (DivideByZeroException)
        {
            error = "division by zero";
        }
        catch (OverflowException)
        {
            error = "overflow";
        }

        value = 0;
        return false;
    }

    /// <summary>Evaluates <paramref name="expression"/>, or returns null when it is not a valid finite arithmetic expression.</summary>
    public static decimal? Evaluate(string expression) => TryEvaluate(expression, out decimal value, out _) ? value : null;

    private sealed class Parser(string text)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;

        public char Current => text[_position];

        public int Position => _position;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(Current))
            {
                _position++;
            }
        }

        public decimal ParseExpression(int depth)
        {
            Guard(depth);
            decimal left = ParseTerm(depth);
            while (true)
            {
                SkipSpaces();
                if (AtEnd || (Current != '+' && Current != '-'))
                {
                    return left;
                }

                char op = Current;
                _position++;
                decimal right = ParseTerm(depth);
                left = op == '+' ? left + right : left - right;
            }
        }

        private decimal ParseTerm(int depth)
        {
            decimal left = ParseUnary(depth);
            while (true)
            {
                SkipSpaces();
                if (AtEnd || (Current != '*' && Current != '/'))
                {
                    return left;
                }

                char op = Current;
                _position++;
                decimal right = ParseUnary(depth);
                if (op == '/')
                {
                    if (right == 0)
                    {
                        throw new DivideByZeroException();
                    }

                    left /= right;
                }
                else
                {
                    left *= right;
                }
            }
        }

        private decimal ParseUnary(int depth)
        {
            SkipSpaces();
            if (!AtEnd && (Current == '-' || Current == '+'))
            {
                char sign = Current;
                _position++;
                Guard(depth + 1);
                decimal operand = ParseUnary(depth + 1);
                return sign == '-' ? -operand : operand;
            }

            return ParsePrimary(depth);
        }

        private decimal ParsePrimary(int depth)
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw new FormatException("unexpected end of expression");
            }

            if (Current == '(')
            {
                _position++;
                decimal inner = ParseExpression(depth + 1);
                SkipSpaces();
                if (AtEnd || Current != ')')
                {
                    throw new FormatException("missing ')'");
                }

                _position++;
                return inner;
            }

            int start = _position;
            bool digits = false, point = false;
            while (!AtEnd && (char.IsAsciiDigit(Current) || (Current == '.' && !point)))
            {
                digits |= Current != '.';
                point |= Current == '.';
                _position++;
            }

            if (!digits)
            {
                throw new FormatException(AtEnd ? "unexpected end of expression" : $"unexpected '{Current}' at {_position}");
            }

            return decimal.Parse(text.AsSpan(start, _position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        private static void Guard(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("expression nested too deeply");
            }
        }
    }
}
