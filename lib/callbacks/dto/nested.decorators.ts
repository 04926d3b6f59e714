import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

type DtoClass = new () => object;

/** A nested object validated with its own DTO class. */
export function NestedObject(dto: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested(), Type(dto));
}

/** An array of nested objects, each validated with its DTO class. */
export function NestedArray(dto: () => DtoClass): PropertyDecorator {
  return applyDecorators(IsArray(), ValidateNested({ each: true }), Type(dto));
}
