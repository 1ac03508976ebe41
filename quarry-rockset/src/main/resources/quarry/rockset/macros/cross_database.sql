{#- Rockset's spellings of dbt's cross-database macros, where its SQL differs from the defaults. -#}

{#- DATE_ADD takes any expression as the amount, and a string literal as the date (date_spine passes both) -#}
{% macro rockset__dateadd(datepart, interval, from_date_or_timestamp) -%}
    DATE_ADD('{{ datepart | upper }}', {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}

{% macro rockset__datediff(first_date, second_date, datepart) -%}
    DATE_DIFF('{{ datepart | upper }}', {{ first_date }}, {{ second_date }})
{%- endmacro %}

{% macro rockset__date_trunc(datepart, date) -%}
    DATE_TRUNC('{{ datepart | upper }}', {{ date }})
{%- endmacro %}

{% macro rockset__last_day(date, datepart) -%}
    CAST({{ rockset__dateadd('day', '-1', rockset__dateadd(datepart, '1', rockset__date_trunc(datepart, date))) }} AS date)
{%- endmacro %}

{#- Rockset's MD5 gives bytes; dbt.hash gives the hex digest, as every other warehouse's md5 does -#}
{% macro rockset__hash(field) -%}
    TO_HEX(MD5(CAST({{ field }} AS string)))
{%- endmacro %}

{% macro rockset__concat(fields) -%}
    CONCAT({{ fields | join(', ') }})
{%- endmacro %}

{% macro rockset__safe_cast(field, type) -%}
    TRY_CAST({{ field }} AS {{ type }})
{%- endmacro %}

{% macro rockset__split_part(string_text, delimiter_text, part_number) -%}
    ELEMENT_AT(SPLIT({{ string_text }}, {{ delimiter_text }}), {{ part_number }})
{%- endmacro %}

{% macro rockset__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    ARRAY_JOIN(ARRAY_AGG({{ measure }}), {{ delimiter_text }})
{%- endmacro %}

{% macro rockset__any_value(expression) -%}
    ARBITRARY({{ expression }})
{%- endmacro %}

{% macro rockset__bool_or(expression) -%}
    (COUNT_IF({{ expression }}) > 0)
{%- endmacro %}

{% macro rockset__position(substring_text, string_text) -%}
    STRPOS({{ string_text }}, {{ substring_text }})
{%- endmacro %}

{% macro rockset__right(string_text, length_expression) -%}
    SUBSTR({{ string_text }}, -({{ length_expression }}))
{%- endmacro %}

{% macro rockset__current_timestamp() -%}
    CURRENT_TIMESTAMP()
{%- endmacro %}

{% macro rockset__cast_bool_to_text(field) -%}
    CAST({{ field }} AS string)
{%- endmacro %}

{% macro rockset__array_construct(inputs, data_type) -%}
    [{{ inputs | join(', ') }}]
{%- endmacro %}

{% macro rockset__array_append(array, new_element) -%}
    ARRAY_CONCAT({{ array }}, [{{ new_element }}])
{%- endmacro %}

{% macro rockset__array_concat(array_1, array_2) -%}
    ARRAY_CONCAT({{ array_1 }}, {{ array_2 }})
{%- endmacro %}
