-- Calendar: the special days of the national calendar, one row per day. HOLIDAY = a day off (weekday or
-- weekend within a holiday), WORKDAY = a weekend made a working day (调休). Every other day follows the
-- week: Monday to Friday working, Saturday and Sunday off. Admins replace a year's rows as a whole.
-- Portable across H2, PostgreSQL and Oracle; ${bigint} is set per vendor in application-*.yaml.

create sequence zr_holiday_seq start with 1 increment by 50;

create table zr_holiday (
    id          ${bigint}     not null,
    day_date    date          not null,
    kind        varchar(16)   not null,
    name        varchar(100),
    cal_year    integer       not null,
    sample      char(1)       not null,
    updated_at  timestamp     not null,
    constraint zr_holiday_pk primary key (id),
    constraint zr_holiday_day_uk unique (day_date),
    constraint zr_holiday_kind_ck check (kind in ('HOLIDAY', 'WORKDAY')),
    constraint zr_holiday_sample_ck check (sample in ('Y', 'N'))
);
create index zr_holiday_year_ix on zr_holiday (cal_year);
