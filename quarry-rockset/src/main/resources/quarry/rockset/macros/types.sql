{#- Rockset's type names, as CAST and typeof() spell them. -#}

{% macro rockset__type_string() -%}{{ return('string') }}{%- endmacro %}
{% macro rockset__type_timestamp() -%}{{ return('timestamp') }}{%- endmacro %}
{% macro rockset__type_float() -%}{{ return('float') }}{%- endmacro %}
{% macro rockset__type_numeric() -%}{{ return('float') }}{%- endmacro %}
{% macro rockset__type_bigint() -%}{{ return('int') }}{%- endmacro %}
{% macro rockset__type_int() -%}{{ return('int') }}{%- endmacro %}
{% macro rockset__type_boolean() -%}{{ return('bool') }}{%- endmacro %}
