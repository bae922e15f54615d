-- How each consumer is recognised in access logs (catalog files: a consumer's "identify" list).
create table consumer_identify (
    consumer   varchar(200) not null,
    position   integer      not null,
    kind       varchar(20)  not null,
    rule_value text         not null,
    header     varchar(200),
    primary key (consumer, position)
);
