{#- is_incremental(): true only while executing, when the model is incremental, its table exists and no full refresh is asked for. -#}

{% macro is_incremental() -%}
    {%- if not execute -%}
        {{ return(false) }}
    {%- else -%}
        {%- set existing = adapter.get_relation(this.database, this.schema, this.table) -%}
        {{ return(existing is not none
                  and existing.type == 'table'
                  and model.config.materialized == 'incremental'
                  and not should_full_refresh()) }}
    {%- endif -%}
{%- endmacro %}

{% macro should_full_refresh() -%}
    {%- set configured = config.get('full_refresh') -%}
    {%- if configured is none -%}
        {%- set configured = flags.FULL_REFRESH -%}
    {%- endif -%}
    {{ return(configured) }}
{%- endmacro %}
